package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 20 case 3: a mobile number that does not exist is refused at import, naming file, line and column. */
class MobileNumberImportTests extends ImportTestSupport {

    @Test
    void aNumberThatCannotExistIsABadCellAndNothingIsImported() {
        String before = contents();
        Result r = run("customers import " + write("people.csv", """
                buyer_id,name,mobile
                tb_ok,王小明,13812345678
                tb_bad,李四,12012345678
                tb_plus,赵六,+86 139 0000 1111
                tb_masked,钱七,138****1234
                tb_land,孙八,021-12345678
                """));

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("people.csv"), r.err());
        assertTrue(r.err().contains("line 3, column mobile: '12012345678' is not a valid mobile number"), r.err());
        assertTrue(r.err().contains("line 6, column mobile: '021-12345678' is a landline or service number"), r.err());
        assertEquals(before, contents(), "nothing imported");

        Result skipped = run("customers import " + dir.resolve("people.csv") + " --skip-bad");
        assertEquals(0, skipped.exit(), skipped.all());
        assertTrue(skipped.out().contains("customers    3 added"), skipped.out());
    }
}
