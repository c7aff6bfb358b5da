package dev.benchdeck.driver.jdbc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementTextTest {

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplitStatements() {
        assertThat(StatementText.statementCount("select 1")).isEqualTo(1);
        assertThat(StatementText.statementCount("select 1;  ")).isEqualTo(1);
        assertThat(StatementText.statementCount("select ';' as \"a;b\" -- x; y\n")).isEqualTo(1);
        assertThat(StatementText.statementCount("select /* a; /* nested; */ b; */ 1")).isEqualTo(1);
        assertThat(StatementText.statementCount("select $$a;b$$, $tag$ ; $tag$")).isEqualTo(1);
        assertThat(StatementText.statementCount("select E'it\\'s; fine'")).isEqualTo(1);
        assertThat(StatementText.statementCount("select 'C:\\'; select 2")).isEqualTo(2);
        assertThat(StatementText.statementCount("select 1; commit")).isEqualTo(2);
        assertThat(StatementText.statementCount(" ; -- only a comment")).isZero();
    }

    @Test
    void queriesAndDmlArePlannableDdlIsNot() {
        assertThat(StatementText.plannable("  -- the lookup\n(SELECT 1)")).isTrue();
        assertThat(StatementText.plannable("with x as (select 1) select * from x")).isTrue();
        assertThat(StatementText.plannable("/* c */ INSERT into t values (1)")).isTrue();
        assertThat(StatementText.plannable("update t set a = 1")).isTrue();
        assertThat(StatementText.plannable("create table t (a int)")).isFalse();
        assertThat(StatementText.plannable("vacuum t")).isFalse();
        assertThat(StatementText.firstKeyword("")).isEmpty();
    }

    @Test
    void positionsBecomeLinesAndColumns() {
        assertThat(QueryCheck.lineAndColumn("select x", 8)).isEqualTo("line 1, column 8");
        assertThat(QueryCheck.lineAndColumn("select\n  x", 10)).isEqualTo("line 2, column 3");
    }
}
