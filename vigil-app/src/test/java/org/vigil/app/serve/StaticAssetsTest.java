package org.vigil.app.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StaticAssetsTest {
    @Test
    void everyPageGetsTheSharedHeadAndHeaderWithItsOwnSectionMarked() {
        Map<String, StaticAssets.Asset> all = new StaticAssets().all();
        for (String path : StaticAssets.PAGES.keySet()) {
            String html = new String(all.get(path).bytes(), StandardCharsets.UTF_8);
            assertThat(html).as(path).contains("<meta charset=\"utf-8\">").contains("<header class=\"top\">")
                    .doesNotContain("vigil:head").doesNotContain("vigil:header");
            assertThat(html.split("aria-current=\"page\"", -1).length - 1).as(path).isLessThanOrEqualTo(1);
        }
        assertThat(new String(all.get("/matrix").bytes(), StandardCharsets.UTF_8)).contains("<a href=\"/matrix\" aria-current=\"page\">");
    }

    @Test
    void aPageWithoutASectionMarksNoLink() {
        String page = StaticAssets.assemble("<body>\n<!-- vigil:header -->\n<main></main>", "", "<header><a href=\"/x\">X</a></header>\n");
        assertThat(page).isEqualTo("<body>\n<header><a href=\"/x\">X</a></header>\n<main></main>");
    }
}
