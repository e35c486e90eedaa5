az aks create -g "$RG" -n "$CLUSTER" --location eastus \
  --network-plugin azure --network-plugin-mode overlay \
  --network-dataplane cilium --network-policy cilium \
  --pod-cidr 100.64.0.0/16 \
  --vnet-subnet-id "$(az network vnet subnet show -g $RG --vnet-name vnet -n snet --query id -o tsv)"
