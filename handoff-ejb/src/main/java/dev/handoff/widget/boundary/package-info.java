/** The customer's side through the chat widget: visitor sessions, messages through the one post path, the demo bot's turns, the end, ratings, callbacks, abandonment; and the sites. */
package dev.handoff.widget.boundary;
