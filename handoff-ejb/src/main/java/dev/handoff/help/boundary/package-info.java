/** The help center: articles managed by admins, searched by meaning for the demo bot, listed by topic for waiting customers. */
package dev.handoff.help.boundary;
