package dev.benchdeck.server.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) as the API is: snake_case property names, as the
 * server's Jackson writes and reads them ({@code spring.jackson.property-naming-strategy}), and one
 * relative server so the document is the same on every host and port (ui/openapi.json is a snapshot of it).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModels() {
        return new WrittenModelResolver(io.swagger.v3.core.util.Json.mapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * The server writes every property of its answers, nulls included, so each property of a schema
     * that only answers carry is required; request schemas keep theirs (what a client must send).
     */
    @Bean
    OpenApiCustomizer answeredPropertiesRequired() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            Set<String> sent = new HashSet<>();
            api.getPaths().values().forEach(path -> path.readOperations().stream()
                    .filter(operation -> operation.getRequestBody() != null && operation.getRequestBody().getContent() != null)
                    .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                    .forEach(media -> collectReferences(media.getSchema(), schemas, sent)));
            schemas.forEach((name, schema) -> {
                if (!sent.contains(name) && schema.getProperties() != null && schema.getRequired() == null) {
                    schema.setRequired(new ArrayList<>(new TreeSet<String>(schema.getProperties().keySet())));
                }
            });
        };
    }

    /** Adds the names of the component schemas {@code schema} refers to, directly or through others. */
    private static void collectReferences(Schema<?> schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collectReferences(schemas.get(name), schemas, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collectReferences(property, schemas, names));
        }
        collectReferences(schema.getItems(), schemas, names);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collectReferences(values, schemas, names);
        }
        for (List<Schema> options : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (options != null) {
                options.forEach(option -> collectReferences(option, schemas, names));
            }
        }
    }

    /** Every operation's errors: a 4XX problem detail, and 503 while the database is away. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            ObjectSchema fieldProblem = new ObjectSchema();
            fieldProblem.addProperty("path", new StringSchema());
            fieldProblem.addProperty("message", new StringSchema());
            fieldProblem.setRequired(List.of("path", "message"));
            ObjectSchema problemDetail = new ObjectSchema();
            problemDetail.setDescription("an RFC 9457 problem detail; errors name the fields involved, when there are some");
            problemDetail.addProperty("type", new StringSchema().format("uri"));
            problemDetail.addProperty("title", new StringSchema());
            problemDetail.addProperty("status", new IntegerSchema());
            problemDetail.addProperty("detail", new StringSchema());
            problemDetail.addProperty("instance", new StringSchema());
            problemDetail.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem")));
            problemDetail.setRequired(List.of("type", "title", "status", "detail", "instance"));
            api.getComponents().addSchemas("FieldProblem", fieldProblem).addSchemas("Problem", problemDetail);
            Content problem = new Content().addMediaType(ProblemJson.MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operation.getResponses()
                    .addApiResponse("4XX", new ApiResponse().description("the request was refused").content(problem))
                    .addApiResponse("503", new ApiResponse().description("database unavailable").content(problem))));
        };
    }

    @Bean
    OpenAPI benchdeckApi() {
        return new OpenAPI()
                .info(new Info().title("Benchdeck API").version("v1")
                        .description("Targets, scenarios and runs of Benchdeck; errors are RFC 9457 problem details "
                                + "(application/problem+json) with errors[{path, message}] where fields are involved."))
                .servers(List.of(new Server().url("/")));
    }
}
