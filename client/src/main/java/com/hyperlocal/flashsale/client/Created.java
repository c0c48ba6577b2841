package com.hyperlocal.flashsale.client;

/** Result of a create: the deal and whether the server replayed an earlier create (same key). */
public record Created(Deal deal, boolean replayed) {}
