/**
 * The pure logic behind the context package an agent sees at handoff: facts pulled out of the
 * transcript, a short summary (built in or from an OpenAI-compatible model), the CRM profile
 * (HubSpot) and the customer-import CSV. Nothing here touches JPA or the container.
 */
package dev.handoff.context.control;
