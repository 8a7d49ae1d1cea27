package dev.handoff.web.rest;

import dev.handoff.escalation.boundary.EvaluationService;
import dev.handoff.escalation.control.TriggerInput;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.platform.entity.Author;
import dev.handoff.web.rest.dto.EvaluateRequest;
import dev.handoff.web.rest.dto.EvaluateResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dry runs against the live trigger set: would this escalate, which triggers, and why. Persists nothing. */
@Path("evaluate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triggers")
public class EvaluateResource {

    static final int MAX_MESSAGES = 200;

    @Inject
    EvaluationService evaluation;

    @POST
    @Operation(summary = "Evaluate a message or a transcript (dry run)",
            description = "Give 'text' for one customer message or 'messages' for a whole transcript. Each customer or bot message is "
                    + "evaluated in order as if it had just arrived; the answer names the first message that would escalate.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluateRequest.class),
            examples = {
                @ExampleObject(name = "one message", value = "{\"text\":\"I want my money back now\"}"),
                @ExampleObject(name = "transcript", value = "{\"messages\":[{\"author\":\"customer\",\"text\":\"How do I export?\"},"
                        + "{\"author\":\"bot\",\"text\":\"Try Settings > Export.\",\"confidence\":0.2}],\"customer\":{\"externalId\":\"c-1\",\"tier\":\"pro\"}}")
            }))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluateResponse.class),
            examples = @ExampleObject(name = "escalates", value = "{\"escalated\":true,\"triggers\":[{\"name\":\"billing-dispute\","
                    + "\"reason\":\"Billing or refund words: \\\"money back\\\"\",\"evidence\":\"money back\",\"messageSeq\":1}],"
                    + "\"requiredSkill\":\"billing\",\"priority\":60,\"escalatingMessage\":1,\"evaluatedMessages\":1}")))
    @APIResponse(responseCode = "400", description = "Neither text nor messages, or an invalid message",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public EvaluateResponse evaluate(EvaluateRequest request) {
        return EvaluateResponse.of(evaluation.evaluate(input(request)));
    }

    /** Checks a dry-run request and turns it into the engine's input (shared with the draft's dry run). */
    static TriggerInput input(EvaluateRequest request) {
        Checks.required(request, "body");
        List<TriggerInput.Line> lines = new ArrayList<>();
        if (request.text() != null && request.messages() != null) {
            throw new InvalidInputException("text", "give either text or messages, not both");
        }
        if (request.messages() != null) {
            if (request.messages().isEmpty() || request.messages().size() > MAX_MESSAGES) {
                throw new InvalidInputException("messages", "messages must hold 1 to " + MAX_MESSAGES + " messages");
            }
            for (int i = 0; i < request.messages().size(); i++) {
                EvaluateRequest.EvaluateLine line = Checks.required(request.messages().get(i), "messages[" + i + "]");
                String field = "messages[" + i + "]";
                Author author = Author.fromWire(line.author() == null ? "customer" : line.author())
                        .orElseThrow(() -> new InvalidInputException(field + ".author",
                                field + ".author must be one of customer, bot, agent, system"));
                lines.add(new TriggerInput.Line(author, Checks.text(line.text(), field + ".text"),
                        Checks.confidence(line.confidence(), field + ".confidence")));
            }
        } else {
            lines.add(TriggerInput.Line.customer(Checks.text(request.text(), "text")));
        }
        TriggerInput.CustomerFacts customer = request.customer() == null
                ? TriggerInput.CustomerFacts.UNKNOWN
                : new TriggerInput.CustomerFacts(request.customer().tier(), request.customer().accountValue());
        return new TriggerInput(lines, customer);
    }
}
