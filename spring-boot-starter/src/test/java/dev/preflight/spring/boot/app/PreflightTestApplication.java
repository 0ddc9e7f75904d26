package dev.preflight.spring.boot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Spring Boot web application with Actuator; the starter on its class path is all it adds. */
@SpringBootApplication
public class PreflightTestApplication {
    public static void main(String[] args) {
        SpringApplication.run(PreflightTestApplication.class, args);
    }
}
