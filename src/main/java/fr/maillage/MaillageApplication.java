package fr.maillage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Maillage: the platform a CPTS runs to do its missions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MaillageApplication {

	public static void main(String[] args) {
		SpringApplication.run(MaillageApplication.class, args);
	}
}
