package dev.tandem.gateway.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

/**
 * Where an event stream stands: the next offset to read per topic partition. It is the SSE {@code id} of every event
 * (the position just after that event, over all partitions the stream reads), so {@code Last-Event-ID} resumes every
 * partition exactly where the client stopped: no gap, no repeat. Encoded as base64url of
 * {@code topic:partition:offset,…}; the id a client sees is that, signed ({@link EventIds}). Immutable.
 */
public record StreamPosition(Map<TopicPartition, Long> next) {

    public StreamPosition {
        TreeMap<TopicPartition, Long> sorted = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        sorted.putAll(next);
        next = java.util.Collections.unmodifiableMap(sorted);
    }

    public StreamPosition with(TopicPartition partition, long nextOffset) {
        Map<TopicPartition, Long> copy = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        copy.putAll(next);
        copy.put(partition, nextOffset);
        return new StreamPosition(copy);
    }

    public String encode() {
        StringBuilder text = new StringBuilder();
        next.forEach((tp, offset) -> text.append(text.isEmpty() ? "" : ",")
                .append(tp.topic()).append(':').append(tp.partition()).append(':').append(offset));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position an encoded payload names; empty when it is not one. (Ids from clients: {@link EventIds}.) */
    public static Optional<StreamPosition> decode(String encoded) {
        if (encoded == null || encoded.isBlank() || encoded.length() > 4096) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            Map<TopicPartition, Long> next = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                    ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
            for (String entry : text.split(",")) {
                int second = entry.lastIndexOf(':');
                int first = entry.lastIndexOf(':', second - 1);
                if (first <= 0) {
                    return Optional.empty();
                }
                long offset = Long.parseLong(entry.substring(second + 1));
                int partition = Integer.parseInt(entry.substring(first + 1, second));
                if (offset < 0 || partition < 0) {
                    return Optional.empty();
                }
                next.put(new TopicPartition(entry.substring(0, first), partition), offset);
            }
            return Optional.of(new StreamPosition(next));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
