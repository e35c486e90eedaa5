az aks update \
  --name $CLUSTER_NAME \
  --resource-group $RESOURCE_GROUP \
  --pod-cidr 10.250.0.0/16 \
  --network-plugin azure \
  --network-plugin-mode overlay
