package dev.topowatch.checkers.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which file a SQLite URL opens (checked to exist first), and how a MySQL URL reaches the MariaDB driver. */
class JdbcTargetTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:sqlite:/var/lib/app.db, /var/lib/app.db",
            "jdbc:sqlite:/var/lib/app.db?journal_mode=WAL, /var/lib/app.db",
            "jdbc:sqlite:file:/var/lib/app.db?mode=ro, /var/lib/app.db",
            "jdbc:sqlite:file:///var/lib/my%20app.db, /var/lib/my app.db",
            "jdbc:sqlite:file://localhost/var/lib/app.db, /var/lib/app.db",
    })
    void sqlite_url_names_the_file_it_opens(String url, String file) {
        assertThat(JdbcTarget.sqliteFile(url)).contains(Path.of(file));
    }

    @ParameterizedTest
    @CsvSource({"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:cache?mode=memory&cache=shared"})
    void in_memory_sqlite_has_no_file_to_look_for(String url) {
        assertThat(JdbcTarget.sqliteFile(url)).isEqualTo(Optional.empty());
    }

    @Test
    void mysql_url_is_marked_for_the_mariadb_driver_once() {
        assertThat(JdbcTarget.mysqlUrl("jdbc:mysql://db:3306/app")).isEqualTo("jdbc:mysql://db:3306/app?permitMysqlScheme");
        assertThat(JdbcTarget.mysqlUrl("jdbc:mysql://db:3306/app?useSSL=false"))
                .isEqualTo("jdbc:mysql://db:3306/app?useSSL=false&permitMysqlScheme");
        assertThat(JdbcTarget.mysqlUrl("jdbc:mysql://db/app?permitMysqlScheme")).isEqualTo("jdbc:mysql://db/app?permitMysqlScheme");
    }
}
