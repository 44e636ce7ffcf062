#!/usr/bin/env bash
# Test certificates for the MSSanté transport (never for production): a test authority standing
# in for the IGC-Santé, the operator's SMTP server certificate (localhost, 127.0.0.1) and the
# structure's client certificate, both signed by it. PKCS#12, password "changeit", valid 20 years.
# Rerun from this folder to make them anew: ./make-certificates.sh
set -euo pipefail
rm -f ca.p12 server.p12 client.p12 stranger.p12 ./*.csr ./*.crt
kt() { keytool -storetype PKCS12 -storepass changeit -keypass changeit "$@"; }
kt -genkeypair -keystore ca.p12 -alias ca -keyalg EC -groupname secp256r1 -validity 7300 -dname "CN=Autorite de test MSSante, O=Maillage tests" -ext bc:c
kt -exportcert -keystore ca.p12 -alias ca -rfc -file ca.crt
for who in server client; do
  if [ "$who" = server ]; then dn="CN=localhost, O=Operateur MSSante de test"; ext="-ext san=dns:localhost,ip:127.0.0.1 -ext eku=serverAuth"; else dn="CN=cpts-test.mssante.fr, O=CPTS de test"; ext="-ext eku=clientAuth"; fi
  kt -genkeypair -keystore $who.p12 -alias $who -keyalg EC -groupname secp256r1 -validity 7300 -dname "$dn"
  kt -certreq -keystore $who.p12 -alias $who -file $who.csr
  # shellcheck disable=SC2086
  kt -gencert -keystore ca.p12 -alias ca -infile $who.csr -outfile $who.crt -validity 7300 $ext
  kt -importcert -keystore $who.p12 -alias ca -file ca.crt -noprompt
  kt -importcert -keystore $who.p12 -alias $who -file $who.crt
done
# a client certificate from no known authority (self-signed): the server must refuse it
kt -genkeypair -keystore stranger.p12 -alias stranger -keyalg EC -groupname secp256r1 -validity 7300 -dname "CN=inconnu, O=Personne"
# the trust store: the authority alone
kt -delete -keystore ca.p12 -alias ca
kt -importcert -keystore ca.p12 -alias ca -file ca.crt -noprompt
rm -f ./*.csr ./*.crt
