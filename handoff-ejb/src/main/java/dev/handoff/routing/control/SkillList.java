package dev.handoff.routing.control;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.identity.entity.Agent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and writes the admin's short form of skills: {@code "billing:5, general:3"}. */
public final class SkillList {

    private SkillList() {}

    public static Map<String, Integer> parse(String text) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return skills;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pieces = part.split(":", -1);
            if (pieces.length > 2) {
                throw new InvalidInputException("'" + part.strip() + "' is not skill:level");
            }
            String name = Agent.normalizeSkill(pieces[0]);
            int level;
            try {
                level = pieces.length == 2 ? Integer.parseInt(pieces[1].strip()) : 3;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("the level of " + name + " must be a number from 1 to 5");
            }
            if (level < 1 || level > 5) {
                throw new InvalidInputException("the level of " + name + " must be from 1 to 5");
            }
            skills.put(name, level);
        }
        return skills;
    }

    public static String format(Map<String, Integer> skills) {
        return skills.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
