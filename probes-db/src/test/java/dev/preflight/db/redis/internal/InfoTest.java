package dev.preflight.db.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfoTest {

    @Test
    void readsFieldsUnderSectionsAndIgnoresOtherLines() {
        Info info = Info.parse("# Persistence\r\nloading:0\r\nrdb_last_bgsave_status:err\r\n\r\nnot a field\r\n"
                + "rdb_last_save_time:1796542243\r\n");

        assertThat(info.get("rdb_last_bgsave_status")).contains("err");
        assertThat(info.number("rdb_last_save_time")).hasValue(1796542243L);
        assertThat(info.number("rdb_last_bgsave_status")).isEmpty();
        assertThat(info.get("not a field")).isEmpty();
    }

    @Test
    void sumsKeysAndExpiresOverTheDatabases() {
        Info info = Info.parse("# Keyspace\r\ndb0:keys=10,expires=4,avg_ttl=1200\r\ndb3:keys=5,expires=5,avg_ttl=0\r\n"
                + "dbx:keys=99,expires=0\r\n");

        assertThat(info.keyspace()).isEqualTo(new Info.Keyspace(15, 9));
        assertThat(info.keyspace().withoutTtl()).isEqualTo(6);
    }

    @Test
    void anEmptyKeyspaceHasNoKeys() {
        assertThat(Info.parse("# Keyspace\r\n").keyspace().keys()).isZero();
    }
}
