package dev.jdbccache.it.frameworks.mybatis;

import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper; its SQL is in {@code frameworks/mybatis/ShopMapper.xml}. */
public interface ShopMapper {

    /** A row of {@code product}; MyBatis fills it (and its generated id) through the setters. */
    final class ProductRow {
        private Long id;
        private String sku;
        private String name;
        private BigDecimal price;

        public ProductRow() {
        }

        public ProductRow(String sku, String name, BigDecimal price) {
            this.sku = sku;
            this.name = name;
            this.price = price;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        @Override
        public String toString() {
            return id + " " + sku + " " + name + " " + price;
        }
    }

    List<ProductRow> productsByIds(@Param("ids") List<Long> ids);

    int insertProduct(ProductRow product);

    int updatePrice(@Param("id") long id, @Param("price") BigDecimal price);

    int deleteProduct(long id);

    BigDecimal orderTotal(long orderId);

    int updateLineQuantity(@Param("id") long lineId, @Param("quantity") int quantity);

    int deleteOrder(long orderId);

    long countLines(long orderId);
}
