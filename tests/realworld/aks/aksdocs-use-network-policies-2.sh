   az aks update --resource-group $RESOURCE_GROUP --name $CLUSTER_NAME --network-policy calico
