package com.hyperlocal.flashsale.discovery;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes a found deal as its reused {@link DealJson} plus the distance of this search. */
final class NearbyDealSerializer extends StdSerializer<NearbyDeal> {

    NearbyDealSerializer() {
        super(NearbyDeal.class);
    }

    @Override
    public void serialize(NearbyDeal deal, JsonGenerator gen, SerializationContext context) {
        gen.writeStartObject(deal);
        gen.writeRaw(deal.json().fields(deal));
        gen.writeName("distanceKm"); // the raw fields end with a comma; the generator writes none before a first name
        gen.writeNumber(deal.distanceKm());
        gen.writeEndObject();
    }
}
