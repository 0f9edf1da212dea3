package com.hoteltraffic.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * One documented (provider, HTTP status, error code) of {@code taxonomy.json}.
 *
 * @param provider a {@link com.hoteltraffic.model.Provider} name
 * @param httpStatus the status, or null for {@code NO_RESPONSE}
 * @param errorCode the code as the provider spells it ({@code tenant_db_unavailable}, {@code
 *     INVALID_REQUEST}) or our name for a status ({@code BAD_GATEWAY})
 * @param errorClass one of {@link com.hoteltraffic.model.ErrorClass#ALL}
 * @param retryable whether resending the same request may succeed (required in the JSON)
 * @param statusDefault the entry to use at this status when the response names nothing more
 *     specific (only needed where a status lists several codes; false when absent)
 * @param description what the provider's document says, shortened
 * @param remedy what ops should do, in one sentence
 * @param source where the entry comes from ({@code seed 000}, {@code providers.md}, ...)
 */
public record TaxonomyEntry(
    @JsonProperty("provider") String provider,
    @JsonProperty("http_status") Integer httpStatus,
    @JsonProperty("error_code") String errorCode,
    @JsonProperty("error_class") String errorClass,
    @JsonProperty(value = "retryable", required = true) boolean retryable,
    @JsonProperty("status_default") boolean statusDefault,
    @JsonProperty("description") String description,
    @JsonProperty("remedy") String remedy,
    @JsonProperty("source") String source)
    implements Serializable {

  /** The classification of a response that matches this entry. */
  public Classification classification() {
    return new Classification(errorCode, errorClass, retryable, true);
  }
}
