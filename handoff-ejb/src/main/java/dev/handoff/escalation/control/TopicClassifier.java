package dev.handoff.escalation.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Generalises from an admin's example phrases: an Apache OpenNLP maximum-entropy document
 * categorizer over bag-of-words and word-bigram features, trained with one category per topic plus
 * {@value #OTHER} for routine messages, smaller topics repeated so every topic weighs as much as the
 * largest. The words are read with a start marker (so "how do I ..." and "why did you ..." open
 * differently) and with numbers folded to one shape. Training a few hundred examples takes a
 * fraction of a second; the model serialises to bytes so a published trigger set can be stored with it.
 */
public final class TopicClassifier {

    public static final String OTHER = "__other__";
    private final DoccatModel model;
    private final String[] categories;
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    private TopicClassifier(DoccatModel model) {
        this.model = model;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        DocumentCategorizerME probe = new DocumentCategorizerME(model);
        this.categories = new String[probe.getNumberOfCategories()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = probe.getCategory(i);
        }
    }

    /** Trains on topic → examples, with {@code negatives} as the routine class. */
    public static TopicClassifier train(Map<String, List<String>> examples, List<String> negatives) {
        List<DocumentSample> samples = new ArrayList<>();
        // Balance the topics: a topic an admin defines with eight examples must not lose to one
        // with eighty just because it is smaller, so smaller topics are repeated up to the largest.
        int largest = examples.values().stream().mapToInt(List::size).max().orElse(0);
        examples.forEach((topic, texts) -> {
            if (texts.isEmpty()) {
                return;
            }
            for (int i = 0; i < Math.max(largest, texts.size()); i++) {
                add(samples, topic, texts.get(i % texts.size()));
            }
        });
        negatives.forEach(t -> add(samples, OTHER, t));
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            throw new IllegalArgumentException("a topic classifier needs examples of at least one topic and some negative examples");
        }
        Collections.shuffle(samples, new java.util.Random(42));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try (ObjectStream<DocumentSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)
            });
            return new TopicClassifier(DocumentCategorizerME.train("en", stream, params, factory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands before the first word, so the bigram features see how a message opens ("how do", "why was"). */
    static final String START = "^";

    /**
     * What the classifier sees of a message: a start marker, then the words with every run of digits
     * written as one 0, so amounts, dates, order numbers and error codes generalise ("charged 49.99",
     * "error 1603") instead of each number being a word of its own.
     */
    static String[] features(String[] words) {
        String[] out = new String[words.length + 1];
        out[0] = START;
        for (int i = 0; i < words.length; i++) {
            out[i + 1] = digitsFolded(words[i]);
        }
        return out;
    }

    private static String digitsFolded(String word) {
        int first = 0;
        while (first < word.length() && !Character.isDigit(word.charAt(first))) {
            first++;
        }
        if (first == word.length()) {
            return word;
        }
        StringBuilder b = new StringBuilder(word.length()).append(word, 0, first);
        boolean digit = false;
        for (int k = first; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isDigit(c)) {
                if (!digit) {
                    b.append('0');
                }
                digit = true;
            } else {
                b.append(c);
                digit = false;
            }
        }
        return b.toString();
    }

    private static void add(List<DocumentSample> samples, String category, String text) {
        String[] words = Text.words(text);
        if (words.length > 0) {
            samples.add(new DocumentSample(category, features(words)));
        }
    }

    public static TopicClassifier load(byte[] bytes) {
        try {
            return new TopicClassifier(new DoccatModel(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            model.serialize(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Probability of each topic (and {@value #OTHER}) for already tokenised words; all sum to 1. */
    public Map<String, Double> scores(String[] words) {
        Map<String, Double> scores = new HashMap<>();
        if (words.length == 0) {
            scores.put(OTHER, 1.0);
            return scores;
        }
        double[] outcome = categorizer.get().categorize(features(words));
        for (int i = 0; i < outcome.length; i++) {
            scores.put(categories[i], outcome[i]);
        }
        return scores;
    }

    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (String c : categories) {
            if (!OTHER.equals(c)) {
                topics.add(c);
            }
        }
        return topics;
    }

    @Override
    public String toString() {
        return "TopicClassifier" + topics();
    }
}
