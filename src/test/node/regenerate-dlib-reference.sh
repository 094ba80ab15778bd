#!/bin/sh
# Regenerates src/test/resources/org/invigil/vision/control/dlib-descriptor-reference.json: the Java side cuts aligned
# face chips out of Debian test photos, the JavaScript reference (face-api under Node) describes them.
# Needs: Maven, Node 18+, apt-get (the photos come from Debian packages). Run from the project root.
set -eu
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Dbasedir="$PWD" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.invigil.vision.control.DescriptorReferenceChips target/descriptor-reference
node src/test/node/dlib-descriptor-reference.mjs target/descriptor-reference target/vision-npm/face-api/package \
  > src/test/resources/org/invigil/vision/control/dlib-descriptor-reference.json
echo "wrote src/test/resources/org/invigil/vision/control/dlib-descriptor-reference.json"
