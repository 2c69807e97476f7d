package dev.rekindle.imports;

import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.value.Addresses;
import dev.rekindle.imports.value.Amounts;
import dev.rekindle.imports.value.Contacts;
import dev.rekindle.imports.value.DateTimes;

/** Reads one customer profile per row (a buyer id seen twice in the file is found by the CustomerWriter). */
final class CustomerParser implements Pipeline.Parser<CustomerRow> {

    private final Cells cells;
    private final DateTimes dates;

    CustomerParser(Columns columns, DateTimes dates) {
        this.cells = new Cells(columns);
        this.dates = dates;
    }

    @Override
    public CustomerRow parse(Row row) {
        cells.on(row);
        String buyer = cells.required("customer_id", "a buyer id");
        String mobile = cells.parse("mobile", Contacts::mobile);
        String city = cells.optional("city");
        if (city == null) {
            city = Addresses.city(cells.optional("address"));
        }
        Integer points = cells.text("points").isEmpty() ? null : cells.parse("points", Amounts::count);
        CustomerRow c = new CustomerRow(buyer, cells.optional("name"), mobile, Contacts.mobileNote(mobile),
                cells.parse("email", Contacts::email), cells.optional("wechat"), cells.parse("birthday", dates::birthday),
                cells.parse("gender", Contacts::gender), city, cells.parse("member_level", Contacts::memberLevel), points,
                cells.parse("created_at", dates::dateTime), row);
        return c;
    }
}
