package dev.benchdeck.server.system;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Schemas of the JSON as it is written: the naming of the given mapper (snake_case), a record
 * component marked {@link Nullable} as {@code type: [..., "null"]}, and the engine's and the report module's enums
 * in lower case (the engine's result mapper writes them so; swagger would list the constants' names).
 */
final class WrittenModelResolver extends ModelResolver {

    private static final List<String> WRITTEN_BY_ENGINE_MAPPER = List.of("dev.benchdeck.engine", "dev.benchdeck.report");

    WrittenModelResolver(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> next) {
        Schema resolved = super.resolve(annotatedType, context, next);
        if (resolved == null || annotatedType.getType() == null) {
            return resolved;
        }
        JavaType type = _mapper.constructType(annotatedType.getType());
        Class<?> raw = type.getRawClass();
        if (raw.isEnum() && WRITTEN_BY_ENGINE_MAPPER.stream().anyMatch(raw.getPackageName()::startsWith) && resolved.getEnum() != null) {
            resolved.setEnum(new ArrayList<>(Arrays.stream(raw.getEnumConstants()).map(Json::write)
                    .map(json -> json.substring(1, json.length() - 1)).toList()));
        }
        if (raw.isRecord()) {
            Schema model = resolved.get$ref() == null ? resolved : definedModel(context, resolved.get$ref());
            if (model != null && model.getProperties() != null) {
                nullablePropertyNames(type).forEach(name -> markNullable(model.getProperties(), name));
            }
        }
        return resolved;
    }

    private static @Nullable Schema definedModel(ModelConverterContext context, String ref) {
        return context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The JSON names of the record's nullable components, those of {@code @JsonUnwrapped} records included. */
    private Set<String> nullablePropertyNames(JavaType record) {
        Set<String> names = new LinkedHashSet<>();
        List<BeanPropertyDefinition> properties = _mapper.getSerializationConfig().introspect(record).findProperties();
        for (RecordComponent component : record.getRawClass().getRecordComponents()) {
            if (component.isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
                names.addAll(nullablePropertyNames(_mapper.constructType(component.getType())));
            } else if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                properties.stream().filter(p -> p.getInternalName().equals(component.getName()))
                        .findFirst().ifPresent(p -> names.add(p.getName()));
            }
        }
        return names;
    }

    private static void markNullable(Map<String, Schema> properties, String name) {
        Schema property = properties.get(name);
        if (property == null) {
            return;
        }
        if (property.get$ref() != null) {
            // a $ref cannot take a type beside it: either the referenced schema or null
            Schema either = new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().typesItem("null")));
            either.setDescription(property.getDescription());
            properties.put(name, either);
            return;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (!types.isEmpty()) {
            types.add("null");
            property.setTypes(types);
        }
    }
}
