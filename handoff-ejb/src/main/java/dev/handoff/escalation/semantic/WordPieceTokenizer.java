package dev.handoff.escalation.semantic;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BERT uncased tokenizer of all-MiniLM-L6-v2, read from the model's {@code tokenizer.json}:
 * clean, lower-case and strip accents, split on white space and punctuation (CJK characters alone),
 * then WordPiece with the {@code ##} prefix, wrapped in {@code [CLS]} … {@code [SEP]}.
 * {@code SentenceEncoderReferenceTest} proves the ids equal the reference implementation's.
 */
public final class WordPieceTokenizer {

    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int cls;
    private final int sep;
    private final int unk;

    WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.cls = vocab.get("[CLS]");
        this.sep = vocab.get("[SEP]");
        this.unk = vocab.get("[UNK]");
    }

    /** Reads the WordPiece vocabulary of a Hugging Face {@code tokenizer.json}. */
    static WordPieceTokenizer read(InputStream tokenizerJson) {
        try (JsonReader reader = Json.createReader(tokenizerJson)) {
            JsonObject vocabJson = reader.readObject().getJsonObject("model").getJsonObject("vocab");
            Map<String, Integer> vocab = new HashMap<>(vocabJson.size() * 2);
            for (Map.Entry<String, JsonValue> e : vocabJson.entrySet()) {
                vocab.put(e.getKey(), ((jakarta.json.JsonNumber) e.getValue()).intValue());
            }
            return new WordPieceTokenizer(vocab);
        } catch (jakarta.json.JsonException e) {
            throw new UncheckedIOException(new IOException("unreadable tokenizer.json", e));
        }
    }

    /** Token ids with {@code [CLS]} and {@code [SEP]}, at most {@code maxTokens} in all. */
    public long[] encode(String text, int maxTokens) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        for (String word : basicTokens(text)) {
            wordPiece(word, ids);
            if (ids.size() >= maxTokens - 1) {
                break;
            }
        }
        int n = Math.min(ids.size(), maxTokens - 1);
        long[] out = new long[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = sep;
        return out;
    }

    /** The words (and punctuation marks) before WordPiece: BertNormalizer plus BertPreTokenizer. */
    /** How many word pieces a text makes, [CLS] and [SEP] not counted. */
    int count(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : basicTokens(text)) {
            wordPiece(word, ids);
        }
        return ids.size();
    }

    static List<String> basicTokens(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String normal = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == 0 || cp == 0xFFFD || (isControl(cp) && !Character.isWhitespace(cp))) {
                continue;
            }
            if (type == Character.NON_SPACING_MARK) {
                continue; // accents stripped
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp) || isCjk(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, words);
        return words;
    }

    /**
     * The id of a whole word in the vocabulary (lower case), or -1: an English word list in rough
     * order of frequency (ids from 1996, "the", on), what {@code Spelling} mends words against.
     */
    int wordId(String word) {
        Integer id = vocab.get(word);
        return id == null || id < FIRST_WORD_ID ? -1 : id;
    }

    /** The first id of a whole word ("the"); ids below are reserved tokens, single characters and bytes. */
    private static final int FIRST_WORD_ID = 1996;

    private void wordPiece(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids.add(unk);
            return;
        }
        int start = 0;
        List<Integer> pieces = new ArrayList<>();
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String sub = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(sub);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids.add(unk);
                return;
            }
            pieces.add(found);
            start = end;
        }
        ids.addAll(pieces);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
