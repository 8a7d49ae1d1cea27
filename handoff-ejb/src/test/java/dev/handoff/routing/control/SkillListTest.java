package dev.handoff.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillListTest {

    @Test
    void parsesNamesAndLevelsInOrder() {
        Map<String, Integer> skills = SkillList.parse("billing:5, general:3");

        assertEquals(Map.of("billing", 5, "general", 3), skills);
        assertEquals(List.of("billing", "general"), List.copyOf(skills.keySet()));
    }

    @Test
    void aSkillWithoutALevelIsLevelThree() {
        assertEquals(Map.of("vip", 3, "billing", 5), SkillList.parse("vip, billing:5"));
    }

    @Test
    void namesAreTrimmedAndLowerCasedAndLevelsTrimmed() {
        assertEquals(Map.of("billing", 4, "tier 2", 1), SkillList.parse("  Billing : 4 ;Tier 2:1"));
    }

    @Test
    void emptyPartsAreSkipped() {
        assertEquals(Map.of("billing", 2, "general", 3), SkillList.parse("billing:2,, ,general;"));
    }

    @Test
    void aRepeatedSkillKeepsTheLastLevel() {
        assertEquals(Map.of("billing", 4), SkillList.parse("billing:2, BILLING:4"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " , ; "})
    void nothingParsesToNoSkills(String text) {
        assertTrue(SkillList.parse(text).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void levelsOneToFiveAreAccepted(int level) {
        assertEquals(Map.of("billing", level), SkillList.parse("billing:" + level));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            billing:0     | the level of billing must be from 1 to 5
            billing:6     | the level of billing must be from 1 to 5
            billing:-1    | the level of billing must be from 1 to 5
            billing:five  | the level of billing must be a number from 1 to 5
            billing:      | the level of billing must be a number from 1 to 5
            billing:2.5   | the level of billing must be a number from 1 to 5
            billing:3:4   | 'billing:3:4' is not skill:level
            """)
    void badLevelsAreRejectedWithAMessage(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SkillList.parse(text));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {":3", "bill!ng:3", "_billing:2", "-x", "caf\u00e9:3", "general:3, b@d"})
    void badNamesAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SkillList.parse(text));

        assertTrue(e.getMessage().startsWith("skill names are"), e.getMessage());
    }

    @Test
    void aNameOfSixtyFiveCharactersIsRejected() {
        assertEquals(Map.of("a".repeat(64), 3), SkillList.parse("a".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> SkillList.parse("a".repeat(65) + ":3"));
    }

    @Test
    void formatListsHighestLevelFirstThenByName() {
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put("general", 3);
        skills.put("sales", 5);
        skills.put("billing", 5);
        skills.put("api", 1);

        assertEquals("billing:5, sales:5, general:3, api:1", SkillList.format(skills));
    }

    @Test
    void formatOfNoSkillsIsEmpty() {
        assertEquals("", SkillList.format(Map.of()));
    }

    @Test
    void formatThenParseGivesTheSameSkills() {
        Map<String, Integer> skills = Map.of("billing", 5, "general", 3, "tier 2", 1);

        assertEquals(skills, SkillList.parse(SkillList.format(skills)));
    }
}
