/** Sites that embed the chat widget, and their visitors (known by a hashed session token). */
package dev.handoff.widget.entity;
