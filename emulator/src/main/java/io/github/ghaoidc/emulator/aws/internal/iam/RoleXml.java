package io.github.ghaoidc.emulator.aws.internal.iam;

import io.github.ghaoidc.emulator.aws.internal.query.XmlOut;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Writes a {@code Role} element the way IAM does (trust policy URL-encoded). */
final class RoleXml {

    private RoleXml() {
    }

    static void write(XmlOut out, Role role) {
        out.start("Role");
        writeFields(out, role);
        out.end();
    }

    static void writeFields(XmlOut out, Role role) {
        out.element("Path", role.path())
                .element("RoleName", role.roleName())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument",
                        URLEncoder.encode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8).replace("+", "%20"))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
    }
}
