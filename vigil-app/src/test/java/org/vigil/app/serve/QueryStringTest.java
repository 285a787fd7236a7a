package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict query decoder and the cache key of checked parameters. */
class QueryStringTest {
    @Test
    void namesKeepTheirOrderAndRepeatsKeepEveryValue() {
        Map<String, List<String>> q = QueryString.parse("b=2&a=1&b=3&flag&&c=");
        assertThat(q).containsExactly(Map.entry("b", List.of("2", "3")), Map.entry("a", List.of("1")),
                Map.entry("flag", List.of("")), Map.entry("c", List.of("")));
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void escapesPlusSignsAndRawUnicodeDecodeAsUtf8() {
        assertThat(QueryString.parse("q=%22state+media%22%20%E2%80%94+%F0%9F%98%80&x%3Dy=a%26b"))
                .containsExactly(Map.entry("q", List.of("\"state media\" \u2014 \uD83D\uDE00")), Map.entry("x=y", List.of("a&b")));
        assertThat(QueryString.parse("q=Bj\u00f6rn\uD83D\uDE00")).containsEntry("q", List.of("Bj\u00f6rn\uD83D\uDE00"));
    }

    @Test
    void badEscapesAndNonUtf8BytesAreBadRequests() {
        assertThatThrownBy(() -> QueryString.parse("a=%")).isInstanceOf(ApiProblem.class).hasMessageContaining("at character 3");
        assertThatThrownBy(() -> QueryString.parse("a=%G1")).hasMessageContaining("two hex digits");
        assertThatThrownBy(() -> QueryString.parse("%FF=1")).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> QueryString.parse("a=1&".repeat(101))).hasMessageContaining("more than 100 parameters");
    }

    @Test
    void defaultsWrittenOutOrLeftOutGiveOneCacheKey() {
        Endpoint e = new Endpoint("/x", "t", "s", "d", List.of(Param.bool("hedged", true, "h"), Param.offset(), Param.limit(50),
                Param.text("q", "q")), a -> null);
        String bare = Args.parse(Map.of(), n -> null, e).key();
        assertThat(Args.parse(QueryString.parse("hedged=true&offset=0"), n -> null, e).key()).isEqualTo(bare);
        assertThat(Args.parse(QueryString.parse("hedged=false"), n -> null, e).key()).isNotEqualTo(bare);
        assertThat(Args.parse(QueryString.parse("q=a;b=1"), n -> null, e).key())
                .isNotEqualTo(Args.parse(QueryString.parse("q=a&limit=1"), n -> null, e).key());
    }
}
