package org.opendms.itests;

import static org.junit.Assert.assertTrue;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The parts bundles in the assembled platform: the schema migrated (with the central store ZK), the services wired,
 * and a clerk's day in the console: a part added, received into a bin, issued to a work-order line and one returned,
 * each step in the ledger.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PartsConsoleIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    @Test
    public void anAdminAddsReceivesIssuesAndTakesBackAPart() throws Exception {
        long n = unique();
        String number = "06L-115-" + n + " B";
        String added = console("dms:part-add --category 滤清器 \"" + number + "\" 机油滤清器 个 45");
        assertTrue(added, added.contains("已新建配件 added"));
        String key = ("06l115" + n + "b");
        String found = console("dms:part-find " + key);
        assertTrue(found, found.contains(number));
        String received = console("dms:stock-receive --ref PO-" + n + " " + key + " 5 21.50");
        assertTrue(received, received.contains("在库 on hand 5"));
        String issued = console("dms:stock-issue --wo 9" + n + " --line 1 " + key + " 2");
        assertTrue(issued, issued.contains("在库 on hand 3"));
        String refused = console("dms:stock-issue --wo 9" + n + " --line 2 " + key + " 4");
        assertTrue(refused, refused.contains("stock.insufficient") || refused.contains("不够"));
        String back = console("dms:stock-issue --return --wo 9" + n + " --line 1 " + key + " 1");
        assertTrue(back, back.contains("在库 on hand 4"));
        String stock = console("dms:stock " + key);
        assertTrue(stock, stock.contains("ZK") && stock.contains("21.5"));
        String ledger = console("dms:stock-ledger " + key);
        assertTrue(ledger, ledger.contains("RECEIPT") && ledger.contains("ISSUE") && ledger.contains("RETURN"));
    }
}
