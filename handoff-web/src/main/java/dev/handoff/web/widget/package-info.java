/** The public widget API (site key, origin check, rate limits, visitor tokens) and the /demo page. */
package dev.handoff.web.widget;
