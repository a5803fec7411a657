package dev.tandem.platform.web.testapp;

public enum Color {
    RED, GREEN, BLUE
}
