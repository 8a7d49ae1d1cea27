/** Help articles: what the demo bot answers from and what waiting customers read. */
package dev.handoff.help.entity;
