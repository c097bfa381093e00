package dev.catalogpolicy.facts;

import dev.catalogpolicy.model.Share;

/** An organization share reaches {@code account}: the account gets the organization import (I2, R3). */
public record ShareReach(String portfolio, String account, Share share) {}
