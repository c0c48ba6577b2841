package com.hyperlocal.flashsale.revocation;

import java.util.List;

/** One page of a merchant's revocations after a cursor; ask again with {@code cursor}. */
record RevocationPage(List<Revocation> revocations, String cursor, boolean hasMore) {}
