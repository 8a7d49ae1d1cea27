package dev.handoff.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The bot API, version 1, under {@code /api/v1}. Every call carries {@code Authorization: Bearer <api key>}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Handoff bot API", version = "1",
                description = "Lets an AI chatbot platform pass every customer message through Handoff, which decides when to "
                        + "escalate to a human agent, routes the chat, and relays the agent's replies. Errors are "
                        + "application/problem+json (RFC 9457). See docs/api.md."),
        servers = @Server(url = "/"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key issued by an admin in the portal (Admin > API keys).")
public class ApiApplication extends Application {}
