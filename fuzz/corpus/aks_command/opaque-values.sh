az aks create \
  --resource-group "$RG" \
  --name "${CLUSTER}" \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --pod-cidr "$POD_CIDR" \
  --service-cidr $(terraform output -raw service_cidr) \
  --dns-service-ip $DNS_IP \
  --client-secret "$SP_SECRET"
