package dev.jdbccache.bench.demo;

import java.util.Random;

/**
 * How often the workload runs each operation. Reads keep fixed proportions among themselves
 * (product by id 55, with its category 20, average rating 12, top ten of a category 8, a report
 * over every product of the catalogue 3). Writes
 * take the given percentage of all operations and are split by the {@link WriteMix}: a
 * catalogue mostly takes orders, sometimes a review, rarely a price change.
 *
 * <p>Immutable and thread-safe.
 */
final class OperationMix {

    enum Operation {
        PRODUCT_BY_ID(55, false),
        PRODUCT_WITH_CATEGORY(20, false),
        AVERAGE_RATING(12, false),
        TOP_IN_CATEGORY(8, false),
        CATEGORY_REPORT(3, false),
        PLACE_ORDER(0, true),
        ADD_REVIEW(0, true),
        UPDATE_PRODUCT(0, true);

        private final int readWeight;
        private final boolean write;

        Operation(int readWeight, boolean write) {
            this.readWeight = readWeight;
            this.write = write;
        }

        boolean isWrite() {
            return write;
        }

        /** A short name for tables: product-by-id, ... */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** How writes split among the write operations (percentages of all writes). */
    enum WriteMix {
        /** 80% orders (a table no catalogue read touches), 10% reviews, 10% product price changes. */
        REALISTIC(80, 10, 10),
        /** Every write changes a product: the worst case for table-level invalidation. */
        PRODUCT(0, 0, 100);

        private final int orders;
        private final int reviews;
        private final int products;

        WriteMix(int orders, int reviews, int products) {
            this.orders = orders;
            this.reviews = reviews;
            this.products = products;
        }

        String describe() {
            return orders + "% orders, " + reviews + "% reviews, " + products + "% product updates";
        }
    }

    private static final Operation[] OPERATIONS = Operation.values();

    private final double writePercent;
    private final WriteMix writeMix;
    private final double[] cumulative = new double[OPERATIONS.length];

    OperationMix(double writePercent, WriteMix writeMix) {
        if (!(writePercent >= 0 && writePercent <= 100)) {
            throw new IllegalArgumentException("write percentage must be between 0 and 100: " + writePercent);
        }
        this.writePercent = writePercent;
        this.writeMix = writeMix;
        double writeShare = writePercent / 100;
        double readShare = 1 - writeShare;
        int readWeights = 0;
        for (Operation operation : OPERATIONS) {
            readWeights += operation.readWeight;
        }
        double sum = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            sum += switch (OPERATIONS[i]) {
                case PLACE_ORDER -> writeShare * writeMix.orders / 100;
                case ADD_REVIEW -> writeShare * writeMix.reviews / 100;
                case UPDATE_PRODUCT -> writeShare * writeMix.products / 100;
                default -> readShare * OPERATIONS[i].readWeight / readWeights;
            };
            cumulative[i] = sum;
        }
        cumulative[OPERATIONS.length - 1] = 1;
    }

    double writePercent() {
        return writePercent;
    }

    WriteMix writeMix() {
        return writeMix;
    }

    Operation pick(Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < OPERATIONS.length; i++) {
            if (u < cumulative[i]) {
                return OPERATIONS[i];
            }
        }
        return OPERATIONS[OPERATIONS.length - 1];
    }
}
