package org.vigil.flink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** The jobs' Kafka sink: one UTF-8 record per result line, no key, at least once. */
final class KafkaLines {
    private KafkaLines() {
    }

    static KafkaSink<String> sink(String bootstrap, String topic) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(new Records(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /**
     * Lines as records stamped by the broker: a line's event time may be the end of the input (Long.MAX_VALUE),
     * which a broker refuses as a record timestamp.
     */
    private static final class Records implements KafkaRecordSerializationSchema<String> {
        private final String topic;

        Records(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(String line, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, null, null, line.getBytes(StandardCharsets.UTF_8));
        }
    }
}
