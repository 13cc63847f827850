package dev.jdbccache.it.footprints;

import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.Tags;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.invalidation.WriteLease;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Real table versions under deliberately broken footprint rules, which the keyed checker must
 * catch (DESIGN.md section 8):
 * <ul>
 *   <li>{@link Flaw#NEW_VALUE_ONLY}: an update that moves a row to another group bumps only the
 *       new group's bucket, not the wide tag (readers of the old group keep the row);</li>
 *   <li>{@link Flaw#IGNORES_OR}: {@code grp = ? OR id = ?} depends on the group's bucket alone,
 *       as if the OR were not there (a write of the row by key and group is missed).</li>
 * </ul>
 * The workload tells which value is at stake through {@link KeyedWorkload#MOVING_TO} and
 * {@link KeyedWorkload#OR_GROUP}.
 */
final class BrokenFootprints implements TableVersions {

    enum Flaw { NEW_VALUE_ONLY, IGNORES_OR }

    private final TableVersions real;
    private final Flaw flaw;
    private final int buckets;

    BrokenFootprints(TableVersions real, Flaw flaw, int buckets) {
        this.real = real;
        this.flaw = flaw;
        this.buckets = buckets;
    }

    Flaw flaw() {
        return flaw;
    }

    private String bucket(String wideTag, int value) {
        return wideTag.substring(0, wideTag.length() - 1) + "#" + Tags.bucket(Integer.toString(value), buckets);
    }

    @Override
    public VersionSnapshot capture(String[] tags) {
        Integer grp = KeyedWorkload.OR_GROUP.get();
        if (flaw != Flaw.IGNORES_OR || grp == null) {
            return real.capture(tags);
        }
        // in place, the others appended: the driver finds the catalog tag at its plan's position
        List<String> rewritten = new ArrayList<>();
        List<String> appended = new ArrayList<>();
        for (String tag : tags) {
            if (tag.equalsIgnoreCase("acct")) {
                String wide = Tags.wide(tag, tag.equals("acct") ? "grp" : "GRP");
                rewritten.add(Tags.rows(tag));
                appended.add(wide);
                appended.add(bucket(wide, grp));
            } else {
                rewritten.add(tag);
            }
        }
        rewritten.addAll(appended);
        return real.capture(rewritten.toArray(new String[0]));
    }

    @Override
    public boolean isCurrent(VersionSnapshot snapshot) {
        return real.isCurrent(snapshot);
    }

    @Override
    public WriteLease beginWrite(Collection<String> tags, boolean unknownTables) {
        Integer to = KeyedWorkload.MOVING_TO.get();
        if (flaw != Flaw.NEW_VALUE_ONLY || to == null) {
            return real.beginWrite(tags, unknownTables);
        }
        List<String> rewritten = new ArrayList<>();
        for (String tag : tags) {
            rewritten.add(tag.equalsIgnoreCase("acct#grp*") ? bucket(tag, to) : tag);
        }
        return real.beginWrite(rewritten, unknownTables);
    }

    @Override
    public void renew(WriteLease lease) {
        real.renew(lease);
    }

    @Override
    public void endWrite(WriteLease lease) {
        real.endWrite(lease);
    }

    @Override
    public void abandon(WriteLease lease) {
        real.abandon(lease);
    }

    @Override
    public void invalidate(Collection<String> tags) {
        real.invalidate(tags);
    }

    @Override
    public void invalidateAll() {
        real.invalidateAll();
    }
}
