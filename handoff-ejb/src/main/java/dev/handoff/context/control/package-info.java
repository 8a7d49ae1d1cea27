/**
 * The pure logic behind the context package an agent sees at handoff: facts pulled out of the
 * transcript, a short summary (built in or from an OpenAI-compatible model), the CRM profile
 * (HubSpot). Nothing here touches JPA or the container. (The customer-import CSV and {@code Fact}
 * are the conversation's, in {@code conversation.control}, ADR 0047.)
 */
package dev.handoff.context.control;
