package org.vigil.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Posts from Kafka messages ({@link PostJson}). The input position is the offset (times 1,024, plus the
 * partition when there are several): on one partition, shares in the same second keep the topic's order.
 */
final class KafkaPosts implements KafkaRecordDeserializationSchema<SequencedPost> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SequencedPost> out) {
        long ordinal = record.offset() * 1024 + record.partition();
        out.collect(PostJson.parse(record.value(), ordinal,
                "kafka " + record.topic() + " partition " + record.partition() + " offset " + record.offset()));
    }

    @Override
    public TypeInformation<SequencedPost> getProducedType() {
        return TypeInformation.of(SequencedPost.class);
    }
}
