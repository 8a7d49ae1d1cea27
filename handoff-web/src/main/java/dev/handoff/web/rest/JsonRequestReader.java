package dev.handoff.web.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the API's request records ({@code web.rest.dto}) with {@link JsonRequests}: strict types,
 * bounded numbers and strings, errors that name the field. Other bodies (a trigger set or suite
 * as text) keep the default readers.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonRequestReader implements MessageBodyReader<Record> {

    private static final String DTO_PACKAGE = "dev.handoff.web.rest.dto";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().equals(DTO_PACKAGE);
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) {
        return JsonRequests.read(type, body);
    }
}
