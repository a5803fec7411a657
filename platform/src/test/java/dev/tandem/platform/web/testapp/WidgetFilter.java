package dev.tandem.platform.web.testapp;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

public class WidgetFilter {
    @QueryParam("maxQuantity")
    public Integer maxQuantity;

    @QueryParam("dueBefore")
    public LocalDate dueBefore;
}
