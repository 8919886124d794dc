mvn -B -q package -DskipTests && java -jar emulator/target/gha-oidc.jar demo
