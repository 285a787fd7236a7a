package org.vigil.app.coordinate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCoordinationCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run eval(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvalCoordinationCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString().strip(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Two planted groups, an IRA account and organic ones; the result puts one organic account in a network. */
    @Test
    void plantedTruthGivesPrecisionRecallPurityAndIraAccountsLinked() throws Exception {
        Path truth = write("truth.csv", "account_id,group_id,role\n"
                + "a,1,coordinated\nb,1,coordinated\nc,2,coordinated\nd,2,coordinated\n"
                + "i1,ira,ira\no1,-1,organic\no2,-1,organic\ns,-1,state_media\n");
        Files.createDirectories(dir.resolve("out"));
        write("out/accounts.csv", "account_id,network_id,score\na,1,0.9\nb,1,0.9\no1,1,0.2\nc,2,0.8\ni1,3,1\ns,2,0.1\n");
        Run r = eval("--truth", truth.toString(), "--result", dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // flagged a b o1 c i1 (s left out): right a b c i1 -> 4/5; planted found a b c of 4; network 1 is 2/3 group 1
        assertThat(r.out()).isEqualTo("planted: networks=3 accounts=5 precision=0.800 recall=0.750 f1=0.774 "
                + "network_purity=0.800 networks_per_planted_group=1.00 ira_linked=1 organic_flagged=1 not_in_truth=0");
    }

    @Test
    void sideLabelsGiveSidePuritySameSideLinksAndCoverageOfActiveAccounts() throws Exception {
        Path labels = write("authors.csv", "author_id,account_category\nr1,RightTroll\nr2,RightTroll\nr3,RightTroll\n"
                + "l1,LeftTroll\nl2,LeftTroll\nq,NewsFeed\n");
        Files.createDirectories(dir.resolve("out"));
        write("out/accounts.csv", "account_id,network_id,score\nr1,1,1\nr2,1,1\nl1,1,1\nl2,2,1\nr3,2,1\n");
        write("out/edges.csv", "source,target,network_id,weight\nr1,r2,1,9\nr1,l1,1,9\nr2,l1,1,9\nl2,r3,2,9\n");
        Path posts = write("posts.csv", "tweet_seq,author_id,ts,content,hashtags,urls\n"
                + "1,r1,1476272460,one two three four,,\n2,r2,1476272460,one two three four,,\n3,r3,1476272460,x,,\n"
                + "4,l1,1476272460,x,,\n5,l2,1476272460,x,,\n");
        Run r = eval("--truth", labels.toString(), "--result", dir.resolve("out").toString(), "--input", posts.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // network 1: 2 right of 3; network 2: 1 of 2 -> 3/5; links r1-r2 only same-side of 4; 5 of 5 active placed (q never posted)
        assertThat(r.out()).isEqualTo("sides: networks=2 accounts=5 side_purity=0.600 edges=4 same_side_edges=0.250 "
                + "coverage=1.000 labelled_active_accounts=5 not_in_truth=0");
    }

    @Test
    void flaggedAccountsMissingFromTheTruthAreNamedAndExitOne() throws Exception {
        Path truth = write("truth.csv", "account_id,group_id,role\na,1,coordinated\n,2,coordinated\n");
        Path accounts = write("accounts.csv", "account_id,network_id,score\na,1,1\nzz,1,1\n");
        Run r = eval("--truth", truth.toString(), "--accounts", accounts.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("vigil eval-coordination: " + truth + ":3: row has no account_id; it is not counted")
                .contains("vigil eval-coordination: 1 flagged account(s) are not in " + truth + "; check that the truth file belongs to the input");
    }

    @Test
    void aTruthFileWithoutAnIdColumnIsAUsageErrorThatNamesTheColumns() throws Exception {
        Path truth = write("truth.csv", "who,side\na,x\n");
        Path accounts = write("accounts.csv", "account_id,network_id,score\na,1,1\n");
        Run r = eval("--truth", truth.toString(), "--accounts", accounts.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(truth + ": no column account_id or author_id or user_id (columns: who,side); give a file with that header");
    }
}
