package dev.handoff.web.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Whether a suite guards publishing. Works for the shipped suite too (a gate until switched off).")
public record GateRequest(@Schema(required = true, example = "false") Boolean gate) {}
