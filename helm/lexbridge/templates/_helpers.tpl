{{- define "lexbridge.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "lexbridge.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "lexbridge.labels" -}}
{{ include "lexbridge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The embedded broker and H2 only for a single replica, and only with a data directory that outlives the pod. */}}
{{- define "lexbridge.external" -}}
{{- if and .Values.broker.url .Values.database.url -}}true{{- end -}}
{{- end -}}

{{- define "lexbridge.checks" -}}
{{- $_ := required "image.repository is required: build the image from the Dockerfile and push it to your registry" .Values.image.repository -}}
{{- if gt (int .Values.replicaCount) 1 -}}
{{- $_ := required "broker.url is required with replicaCount > 1: replicas share an external Artemis broker" .Values.broker.url -}}
{{- $_ := required "database.url is required with replicaCount > 1: replicas share an external PostgreSQL database" .Values.database.url -}}
{{- else if not (include "lexbridge.external" .) -}}
{{- $_ := required "dataDirectory.existingClaim is required without broker.url and database.url: the embedded broker and database keep their data in the data directory" .Values.dataDirectory.existingClaim -}}
{{- end -}}
{{- range $name, $store := .Values.stores -}}
{{- if not (has $name (include "lexbridge.optionalStores" $ | splitList " ")) -}}
{{- $_ := required (printf "stores.%s.secretName is required: the Secret holding %s" $name $store.file) $store.secretName -}}
{{- end -}}
{{- end -}}
{{- with .Values.stores.as4Edelivery2 -}}
{{- if and .secretName (ne (empty .ecSigningAlias) (empty .ecDecryptionAlias)) -}}
{{- fail "stores.as4Edelivery2.ecSigningAlias and ecDecryptionAlias go together: set both for the EC option (as4-profile 2.0-ecdsa), or neither" -}}
{{- end -}}
{{- end -}}
{{- if not (has .Values.payloads.store (list "disk" "s3")) -}}
{{- fail (printf "payloads.store must be disk or s3, not %s" .Values.payloads.store) -}}
{{- end -}}
{{- if eq .Values.payloads.store "s3" -}}
{{- $_ := required "payloads.s3.bucket is required with payloads.store s3" .Values.payloads.s3.bucket -}}
{{- end -}}
{{- if .Values.tracing.enabled -}}
{{- $_ := required "tracing.endpoint is required with tracing.enabled: the collector's OTLP/HTTP traces address, e.g. http://otel-collector:4318/v1/traces" .Values.tracing.endpoint -}}
{{- end -}}
{{- end -}}

{{/* An env entry for a password or key: the entry's own Secret (.ref, the value .what.field), else passwordsSecret. */}}
{{- define "lexbridge.passwordEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s: set passwordsSecret or %s.%s.name" .env .what (.field | default "passwordSecret")) (.ref.name | default .root.Values.passwordsSecret) }}
      key: {{ .ref.key }}
{{- end -}}

{{/* Stores the connector starts without: each is off (no mount, no password, no settings) while its secretName is
empty. The 2.0 keys are needed only once a partner speaks eDelivery AS4 2.0. */}}
{{- define "lexbridge.optionalStores" -}}
as4Edelivery2
{{- end -}}

{{/* The mount path of a store's file. */}}
{{- define "lexbridge.storePath" -}}
/etc/lexbridge/stores/{{ .name }}/{{ .store.file }}
{{- end -}}
