package org.vigil.coordination.testing;

import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.Post;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Developer tool: writes SyntheticPosts as QUT CSV plus truth_accounts.csv (score_accounts.py layout). */
public final class WriteSynthetic {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        SyntheticPosts spec = new SyntheticPosts(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4]), Boolean.parseBoolean(args[5]));
        SyntheticPosts.Dataset d = spec.generate();
        Files.createDirectories(out);
        Set<String> accounts = new HashSet<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("posts_qut.csv")))) {
            w.println("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls");
            for (Post p : d.posts()) {
                accounts.add(p.accountId());
                w.println(p.postId() + "," + p.accountId() + "," + p.accountId() + "," + nz(p.retweetOf()) + "," + nz(p.replyTo()) + ","
                        + p.text() + "," + p.timestamp() + "," + String.join(" ", p.urls()));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("truth_accounts.csv")))) {
            w.println("account_id,group_id,role");
            for (String a : accounts) {
                Integer g = d.groupOf().get(a);
                String role = g != null ? "coordinated" : d.stateMedia().contains(a) ? "state_media" : "organic";
                w.println(a + "," + (g == null ? -1 : g) + "," + role);
            }
        }
        System.out.println("posts=" + d.posts().size() + " planted=" + d.groupOf().size());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
