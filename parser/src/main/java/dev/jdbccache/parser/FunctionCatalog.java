package dev.jdbccache.parser;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which functions of a dialect are deterministic, volatile, or depend on the time or the
 * session, plus the functions the configuration declares deterministic. Anything not listed is
 * {@link FunctionClass#UNKNOWN}: a user function may read tables we cannot see, change between
 * calls, or write. Immutable and thread-safe.
 *
 * <p>Policy: a built-in is deterministic when its result depends only on its arguments and on the
 * session settings the driver already tracks (time zone, search path, ...). Built-in names only
 * count unqualified or qualified with the system schema ({@code pg_catalog}); {@code s.lower(x)}
 * is a user function.
 */
final class FunctionCatalog {

    /** The class of one function call. */
    enum FunctionClass { DETERMINISTIC, TIME, VOLATILE, UNKNOWN, SESSION_CHANGE }

    private static final Set<String> COMMON_DETERMINISTIC = words("""
            count sum avg min max every stddev stddev_pop stddev_samp variance var_pop var_samp
            covar_pop covar_samp corr regr_slope regr_intercept regr_count regr_r2 regr_avgx regr_avgy
            regr_sxx regr_syy regr_sxy percentile_cont percentile_disc mode listagg string_agg
            array_agg bool_and bool_or bit_and bit_or bit_xor any_value median
            row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
            lower upper length char_length character_length octet_length bit_length substring substr
            trim ltrim rtrim btrim concat concat_ws replace position strpos instr locate left right
            lpad rpad repeat reverse initcap split_part translate ascii chr char format overlay
            regexp_replace regexp_matches regexp_match regexp_like regexp_substr regexp_instr
            regexp_count regexp_split_to_array regexp_split_to_table starts_with md5 sha1 sha2
            sha224 sha256 sha384 sha512 encode decode to_hex soundex difference space lcase ucase
            hex unhex normalize unistr quote_ident quote_literal quote_nullable string_to_array
            array_to_string
            coalesce nullif greatest least ifnull nvl nvl2 if iif casewhen
            abs round floor ceil ceiling mod power pow sqrt cbrt exp ln log log10 log2 sign trunc
            truncate pi degrees radians sin cos tan asin acos atan atan2 cot sinh cosh tanh div
            width_bucket gcd lcm factorial scale bitand bitor bitxor bitnot
            cast convert to_char to_date to_number to_timestamp date_trunc date_part extract
            make_date make_time make_timestamp make_timestamptz make_interval justify_days
            justify_hours justify_interval isfinite date_add date_sub datediff dateadd
            timestampdiff timestampadd year month day hour minute second quarter week dayofweek
            dayofmonth dayofyear monthname dayname last_day date_format str_to_date from_unixtime
            json_extract json_unquote json_object json_array json_value json_query json_exists
            json_contains json_length json_keys json_build_object json_build_array jsonb_build_object
            jsonb_build_array json_extract_path json_extract_path_text jsonb_extract_path
            jsonb_extract_path_text json_array_elements jsonb_array_elements json_array_elements_text
            jsonb_array_elements_text json_each jsonb_each json_each_text jsonb_each_text
            json_object_keys jsonb_object_keys json_typeof jsonb_typeof json_array_length
            jsonb_array_length jsonb_set jsonb_insert jsonb_strip_nulls json_strip_nulls jsonb_pretty
            to_json to_jsonb row_to_json array_to_json json_agg jsonb_agg json_object_agg
            jsonb_object_agg jsonb_path_query jsonb_path_query_array jsonb_path_query_first
            jsonb_path_exists jsonb_path_match jsonb_contains jsonb_exists json_populate_record
            jsonb_populate_record jsonb_to_record json_to_record jsonb_to_recordset json_to_recordset
            array_length array_upper array_lower cardinality array_position array_positions
            array_append array_prepend array_cat array_remove array_replace array_dims array_ndims
            array_fill unnest generate_series generate_subscripts array_contains array_get
            array_slice array
            lower_inc upper_inc lower_inf upper_inf isempty range_merge int4range int8range
            numrange tsrange tstzrange daterange
            to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank
            ts_rank_cd ts_headline setweight strip numnode querytree
            crc32 hash ora_hash row xmlagg xmlelement xmlforest xmlconcat
            any all some rollup cube grouping grouping_id grouping_sets nullifzero
            """);

    private static final Set<String> POSTGRESQL_DETERMINISTIC = words("""
            pg_typeof format_type num_nulls num_nonnulls bit_count get_bit set_bit get_byte set_byte
            convert_from convert_to to_ascii string_agg jsonb_object json_object jsonb_array_length
            host hostmask masklen netmask network broadcast abbrev family inet_merge inet_same_family
            area center diameter height width radius point box circle line lseg path polygon
            box_intersect st_astext
            """);

    private static final Set<String> H2_DETERMINISTIC = words("""
            system_range table decode bitand bitor bitxor bitnot lshift rshift rawtohex hextoraw
            stringencode stringdecode utf8tostring stringtoutf8 formatdatetime parsedatetime
            day_of_week day_of_month day_of_year iso_week iso_year iso_day_of_week truncate_value
            array_max_cardinality trim_array bit_nand bit_nor bit_xnor ulshift urshift rotateleft
            rotateright char_length zero
            """);

    private static final Set<String> MYSQL_DETERMINISTIC = words("""
            field find_in_set elt make_set from_days to_days makedate maketime sec_to_time
            time_to_sec timediff addtime subtime adddate subdate period_add period_diff weekday
            weekofyear yearweek convert_tz inet_aton inet_ntoa inet6_aton inet6_ntoa bin oct conv
            quote mid strcmp group_concat json_set json_insert json_replace json_remove
            json_merge_patch json_merge_preserve json_search json_depth json_valid json_type
            json_arrayagg json_objectagg bit_count compress uncompress to_base64 from_base64
            date time timestamp
            """);

    private static final Set<String> COMMON_VOLATILE = words("""
            random rand random_uuid uuid uuid_short gen_random_uuid uuid_generate_v1
            uuid_generate_v1mc uuid_generate_v4 newid newsequentialid nextval currval lastval setval
            setseed sys_guid secure_rand pg_sleep pg_sleep_for pg_sleep_until sleep benchmark
            txid_current txid_current_if_assigned pg_current_xact_id pg_current_xact_id_if_assigned
            pg_notify pg_cancel_backend pg_terminate_backend pg_reload_conf pg_rotate_logfile
            pg_switch_wal pg_create_restore_point pg_export_snapshot pg_logical_emit_message
            get_lock release_lock release_all_locks is_free_lock is_used_lock last_insert_id
            found_rows row_count identity scope_identity file_read file_write load_file
            master_pos_wait source_pos_wait
            """);

    private static final List<String> VOLATILE_PREFIXES = List.of(
            "pg_advisory_", "pg_try_advisory_", "lo_", "dblink", "pg_stat_reset", "pg_replication_",
            "pg_create_", "pg_drop_", "pg_promote", "pg_wal_");

    private static final Set<String> COMMON_TIME = words("""
            now current_timestamp current_date current_time localtime localtimestamp
            clock_timestamp statement_timestamp transaction_timestamp timeofday sysdate systimestamp
            getdate getutcdate sysdatetime curdate curtime utc_date utc_time utc_timestamp
            current_user session_user user current_role current_schema current_schemas
            current_database current_catalog current_query current_setting system_user version
            pg_backend_pid inet_client_addr inet_client_port inet_server_addr inet_server_port
            pg_postmaster_start_time pg_conf_load_time pg_is_in_recovery pg_my_temp_schema
            pg_trigger_depth pg_last_xact_replay_timestamp pg_database_size pg_relation_size
            pg_total_relation_size pg_table_size pg_indexes_size to_regclass to_regtype
            to_regproc to_regnamespace row_security_active pg_has_role database schema
            connection_id session_id transaction_id h2version readonly lock_mode memory_free
            memory_used disk_space_used
            """);

    private static final List<String> TIME_PREFIXES = List.of("has_", "pg_get_", "pg_stat_get_", "pg_is_");

    private static final Set<String> SESSION_CHANGE = words("set_config");

    /** Functions that depend on the clock when called with no argument, deterministic otherwise. */
    private static final Set<String> TIME_WITHOUT_ARGUMENTS = words("unix_timestamp age");

    private final SqlDialect dialect;
    private final Set<String> deterministic;
    private final Set<String> declared;
    private final Set<String> niladic;

    FunctionCatalog(SqlDialect dialect, Set<String> declaredDeterministic) {
        this.dialect = dialect;
        Set<String> d = new HashSet<>(COMMON_DETERMINISTIC);
        switch (dialect) {
            case POSTGRESQL -> d.addAll(POSTGRESQL_DETERMINISTIC);
            case H2 -> d.addAll(H2_DETERMINISTIC);
            case MYSQL -> d.addAll(MYSQL_DETERMINISTIC);
            case GENERIC -> { }
        }
        this.deterministic = Set.copyOf(d);
        Set<String> declaredLower = new HashSet<>();
        for (String name : declaredDeterministic) {
            declaredLower.add(unquoteLower(name.strip()));
        }
        this.declared = Set.copyOf(declaredLower);
        this.niladic = switch (dialect) {
            case MYSQL -> words("current_timestamp current_date current_time localtime localtimestamp"
                    + " utc_date utc_time utc_timestamp current_user");
            default -> words("current_timestamp current_date current_time localtime localtimestamp"
                    + " current_user session_user user current_role current_schema current_catalog"
                    + " system_user sysdate systimestamp");
        };
    }

    /**
     * True when an unqualified, unquoted column name is really a function called without
     * parentheses ({@code current_timestamp}, {@code current_user}, ...).
     */
    boolean isNiladicFunction(String unquotedLowerName) {
        return niladic.contains(unquotedLowerName);
    }

    /**
     * Classifies a call.
     *
     * @param nameParts     the name as written, possibly qualified and quoted
     * @param argumentCount the number of arguments, or -1 when unknown
     */
    FunctionClass classify(List<String> nameParts, int argumentCount) {
        if (nameParts.isEmpty()) {
            return FunctionClass.UNKNOWN;
        }
        String name = unquoteLower(nameParts.get(nameParts.size() - 1));
        String schema = nameParts.size() > 1 ? unquoteLower(nameParts.get(nameParts.size() - 2)) : null;
        if (schema == null || isSystemSchema(schema)) {
            FunctionClass builtIn = builtIn(name, argumentCount);
            if (builtIn != FunctionClass.UNKNOWN) {
                return builtIn;
            }
        }
        if (declared.contains(name) || schema != null && declared.contains(schema + "." + name)
                || schema == null && declaredWithAnySchema(name)) {
            return FunctionClass.DETERMINISTIC;
        }
        return FunctionClass.UNKNOWN;
    }

    private FunctionClass builtIn(String name, int argumentCount) {
        if (SESSION_CHANGE.contains(name)) {
            return FunctionClass.SESSION_CHANGE;
        }
        if (COMMON_VOLATILE.contains(name) || startsWithAny(name, VOLATILE_PREFIXES)) {
            return FunctionClass.VOLATILE;
        }
        if (TIME_WITHOUT_ARGUMENTS.contains(name)) {
            return argumentCount == 0 || argumentCount == 1 && name.equals("age") || argumentCount < 0
                    ? FunctionClass.TIME : FunctionClass.DETERMINISTIC;
        }
        if (COMMON_TIME.contains(name) || startsWithAny(name, TIME_PREFIXES)) {
            return FunctionClass.TIME;
        }
        if (deterministic.contains(name)) {
            return FunctionClass.DETERMINISTIC;
        }
        if (dialect == SqlDialect.POSTGRESQL && name.startsWith("pg_")) {
            // PostgreSQL's own pg_* functions read server state and act on the server (statistics,
            // backends, settings); none writes user tables: not cacheable, but not a write either
            return FunctionClass.VOLATILE;
        }
        return FunctionClass.UNKNOWN;
    }

    private boolean declaredWithAnySchema(String name) {
        for (String d : declared) {
            if (d.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSystemSchema(String schema) {
        return switch (dialect) {
            case POSTGRESQL -> schema.equals("pg_catalog");
            case H2 -> schema.equals("information_schema");
            case MYSQL -> schema.equals("mysql") || schema.equals("sys");
            case GENERIC -> schema.equals("pg_catalog") || schema.equals("sys");
        };
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@code "Foo"} to {@code foo}, {@code s."F"} to {@code s.f}: function names compare case-insensitively. */
    /**
     * The name a database's catalog knows a function by: the last part of {@code qualified},
     * as written when quoted, else folded to lower case (PostgreSQL's {@code pg_proc.proname}).
     */
    static String catalogName(String qualified) {
        String last = TableName.lastPart(qualified);
        if (last.length() >= 2 && last.charAt(0) == '"' && last.charAt(last.length() - 1) == '"') {
            return last.substring(1, last.length() - 1);
        }
        return last.toLowerCase(Locale.ROOT);
    }

    static String unquoteLower(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '"' && c != '`' && c != '[' && c != ']') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String list) {
        Set<String> set = new HashSet<>();
        for (String w : list.trim().split("\\s+")) {
            set.add(w);
        }
        return Set.copyOf(set);
    }
}
