package dev.handoff.bench.reference;

import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;

/**
 * The naive durable write: the same JSON body as a posted message, one JPA row inserted and
 * committed per request (the container transaction commits before the 201 is written).
 */
@Stateless
@Path("rows")
public class WriteResource {

    @PersistenceContext(unitName = "reference")
    EntityManager em;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response write(JsonObject body) {
        BenchRow row = new BenchRow(body.getString("conversationId", null), body.getString("author", "customer"),
                body.getString("text", ""), LocalDateTime.now());
        em.persist(row);
        em.flush();
        return Response.status(201).entity(Json.createObjectBuilder().add("id", row.getId()).build()).build();
    }
}
